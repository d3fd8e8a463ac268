/** Unsaved editor text per problem and language, kept in localStorage across reloads. */
import type { LanguageId } from "./api/types";

const key = (slug: string, language: LanguageId) => `codearena.draft.${slug}.${language}`;

export function loadDraft(slug: string, language: LanguageId): string | null {
  try {
    return localStorage.getItem(key(slug, language));
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, language: LanguageId, code: string): void {
  try {
    localStorage.setItem(key(slug, language), code);
  } catch {
    // Storage full or disabled: the text still lives in the editor.
  }
}

export function clearDraft(slug: string, language: LanguageId): void {
  localStorage.removeItem(key(slug, language));
}

const LANGUAGE_KEY = "codearena.language";

export function preferredLanguage(): LanguageId {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved === "javascript" || saved === "c" || saved === "cpp" || saved === "java" ? saved : "python";
}

export function rememberLanguage(language: LanguageId): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}
