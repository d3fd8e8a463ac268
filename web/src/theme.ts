/** Light/dark theme: the system's preference unless the person picked one (kept in localStorage). */
import { useEffect, useState } from "react";

export type ThemeChoice = "system" | "light" | "dark";
const KEY = "codearena.theme";
const media = () => window.matchMedia("(prefers-color-scheme: dark)");

function savedChoice(): ThemeChoice {
  const saved = localStorage.getItem(KEY);
  return saved === "light" || saved === "dark" ? saved : "system";
}

/** The choice, the theme in effect, and a setter that applies and remembers it. */
export function useTheme(): [ThemeChoice, "light" | "dark", (c: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(savedChoice);
  const [systemDark, setSystemDark] = useState(() => media().matches);

  useEffect(() => {
    const m = media();
    const onChange = () => setSystemDark(m.matches);
    m.addEventListener("change", onChange);
    return () => m.removeEventListener("change", onChange);
  }, []);

  useEffect(() => {
    if (choice === "system") {
      delete document.documentElement.dataset.theme;
      localStorage.removeItem(KEY);
    } else {
      document.documentElement.dataset.theme = choice;
      localStorage.setItem(KEY, choice);
    }
  }, [choice]);

  const effective = choice === "system" ? (systemDark ? "dark" : "light") : choice;
  return [choice, effective, setChoice];
}
