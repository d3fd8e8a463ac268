/** Quizzes, learning modules and companies (docs/content.md): one function per endpoint. */
import { api } from "./http";

export type AnswerIn = boolean | number | string | number[];

export interface QuizSummary {
  slug: string;
  title: string;
  description: string;
  topic: string;
  time_limit: number;
  pass_mark: number;
  question_count: number;
  attempts: number;
  best_score: number | null;
  passed: boolean;
}

export interface Question {
  number: number;
  kind: "single" | "multi" | "true_false" | "code_output";
  prompt: string;
  choices: string[];
  code: string | null;
  language: string | null;
}

export interface Quiz extends QuizSummary {
  questions: Question[];
}

export interface QuizResult {
  number: number;
  correct: boolean;
  given: AnswerIn | null;
  expected: AnswerIn;
  explanation: string;
}

export interface Attempt {
  id: number;
  quiz: string;
  status: "in_progress" | "submitted" | "expired";
  started_at: string;
  deadline: string;
  finished_at: string | null;
  total: number;
  correct: number | null;
  score: number | null;
  passed: boolean;
  results: QuizResult[] | null;
}

export interface Progress {
  done: number;
  total: number;
  completed: boolean;
}

export interface ModuleSummary {
  slug: string;
  title: string;
  summary: string;
  order: number;
  prerequisites: string[];
  prerequisites_met: boolean;
  progress: Progress;
}

export interface ModuleItem {
  id: string;
  kind: "text" | "example" | "problem" | "quiz";
  title: string;
  body: string | null;
  code: string | null;
  language: string | null;
  problem: string | null;
  problem_available: boolean | null;
  difficulty: string | null;
  quiz: string | null;
  markable: boolean;
  done: boolean;
}

export interface LearningModule extends ModuleSummary {
  items: ModuleItem[];
}

export interface CompanySummary {
  slug: string;
  name: string;
  description: string;
  progress: { solved: number; total: number; quizzes_passed: number; quizzes_total: number };
}

export interface Topic {
  topic: string;
  total: number;
  solved: number;
  failed_submissions: number;
}

export interface Company extends CompanySummary {
  process: string;
  problems: { slug: string; title: string | null; difficulty: string | null; available: boolean; solved: boolean }[];
  quizzes: { slug: string; title: string; passed: boolean; best_score: number | null }[];
  designs: { slug: string; title: string; difficulty: string; best_score: number | null }[];
  topics: Topic[];
  weak_topics: Topic[];
}

const seg = encodeURIComponent;

export const contentApi = {
  quizzes: () => api.get<{ items: QuizSummary[] }>("/api/quizzes"),
  quiz: (slug: string) => api.get<{ quiz: Quiz }>(`/api/quizzes/${seg(slug)}`),
  start: (slug: string) => api.post<{ attempt: Attempt }>(`/api/quizzes/${seg(slug)}/attempts`),
  history: (slug: string) =>
    api.get<{ attempts: number; best_score: number | null; passed: boolean; items: Attempt[] }>(
      `/api/quizzes/${seg(slug)}/attempts`,
    ),
  submit: (attempt: number, answers: Record<string, AnswerIn>) =>
    api.post<{ attempt: Attempt }>(`/api/quiz-attempts/${attempt}/submit`, { answers }),
  modules: () => api.get<{ items: ModuleSummary[] }>("/api/modules"),
  module: (slug: string) => api.get<{ module: LearningModule }>(`/api/modules/${seg(slug)}`),
  markDone: (slug: string, item: string) =>
    api.post<{ module: LearningModule }>(`/api/modules/${seg(slug)}/items/${seg(item)}/done`),
  companies: () => api.get<{ items: CompanySummary[] }>("/api/companies"),
  company: (slug: string) => api.get<{ company: Company }>(`/api/companies/${seg(slug)}`),
};
