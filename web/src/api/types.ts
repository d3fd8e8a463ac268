/** Shapes of the server's JSON, as far as the client uses them (see /api/openapi.json). */

export type LanguageId = "python" | "javascript" | "c" | "cpp" | "java";

export const LANGUAGES: { id: LanguageId; label: string }[] = [
  { id: "python", label: "Python" },
  { id: "javascript", label: "JavaScript" },
  { id: "c", label: "C" },
  { id: "cpp", label: "C++" },
  { id: "java", label: "Java" },
];

export interface User {
  id: number;
  email: string;
  display_name: string;
  role?: string;
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  user: User;
}

export type Difficulty = "easy" | "medium" | "hard";

export interface ProblemSummary {
  slug: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
  tags: string[];
  companies: string[];
}

export interface ProblemPage {
  items: ProblemSummary[];
  total: number;
  page: number;
  per_page: number;
}

export interface Example {
  name: string;
  input: string;
  output: string;
  explanation: string;
}

export interface Problem extends ProblemSummary {
  statement: string;
  time_limit: number;
  memory_limit: number;
  hints: string[];
  starter_code: Partial<Record<LanguageId, string>>;
  examples: Example[];
}

/** One test's report, from `code:progress` (kind "test") or inside `code:result`. */
export interface TestReport {
  index: number;
  verdict: string;
  time_ms: number;
  memory_kb: number;
  hidden: boolean;
  name?: string | null;
  input?: string | null;
  expected?: string | null;
  actual?: string | null;
  stderr?: string | null;
  feedback?: string | null;
}

export type ProgressEvent =
  | { submission_id: number; kind: "compiled"; ok: boolean; message: string; time_ms: number }
  | ({ submission_id: number; kind: "test"; total: number } & TestReport);

export interface ResultEvent {
  submission_id: number;
  mode: "run" | "submit";
  verdict: string;
  score: number;
  time_ms: number | null;
  memory_kb: number | null;
  passed: number;
  total: number;
  compile_output: string | null;
  tests: TestReport[];
}

export interface ServerError {
  code: string;
  message: string;
  details?: unknown;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ServerError };
