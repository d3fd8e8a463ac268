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
  email_verified?: boolean;
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
  /** Only on an accepted submit, once the server ranks it; null when there is nothing to compare with. */
  percentiles?: Percentiles | null;
}

export interface ServerError {
  code: string;
  message: string;
  details?: unknown;
}

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ServerError };

/** `code:result` of an accepted submit (and GET /api/submissions/{id}) may rank it among others. */
export interface Percentiles {
  runtime_beats: number;
  memory_beats: number;
}

/* Learner progress (issue #14): dashboard, activity, daily challenge, achievements, leaderboards,
   notifications. Shapes follow the progress API contract; fields the server adds are ignored. */

export interface Streak {
  current: number;
  longest: number;
}

export interface DashboardTotals {
  attempted: number;
  solved: number;
  submissions: number;
  accepted: number;
  /** 0..100 */
  acceptance_rate: number;
}

export interface SolvedOf {
  solved: number;
  total: number;
}

export interface RecentSubmission {
  submission_id: number;
  problem_slug: string | null;
  problem_title: string | null;
  language: string;
  verdict: string | null;
  created_at: string;
}

export interface Dashboard {
  totals: DashboardTotals;
  by_difficulty: ({ difficulty: Difficulty } & SolvedOf)[];
  by_topic: ({ topic: string } & SolvedOf)[];
  languages: { language: string; submissions: number; solved: number }[];
  recent: RecentSubmission[];
  streak: Streak;
  xp: number;
}

export interface ActivityDay {
  /** YYYY-MM-DD, UTC */
  date: string;
  submissions: number;
  accepted: number;
  /** XP earned that day, when the server says. */
  xp?: number;
}

export interface ChallengeProblem {
  slug: string;
  title: string;
  difficulty: Difficulty;
  topics: string[];
}

export type ChallengeStatus = "solved" | "attempted" | "none";

export interface DailyChallenge {
  date: string;
  problem: ChallengeProblem;
  /** null when nobody is signed in */
  status: ChallengeStatus | null;
  bonus_xp: number;
  solved_count: number;
}

export interface DailyHistoryItem {
  date: string;
  problem: ChallengeProblem;
  status: ChallengeStatus | null;
}

export interface UserStats {
  solved: { easy: number; medium: number; hard: number; total: number };
  streak: Streak;
  xp: number;
  rank: number | null;
  rating: number;
  badges: string[];
}

export interface Achievement {
  code: string;
  title: string;
  description: string;
  earned_at?: string;
}

export interface Achievements {
  earned: (Achievement & { earned_at: string })[];
  available: Achievement[];
}

export type Board = "xp" | "solved" | "weekly" | "daily" | "topic";

export interface LeaderRow {
  rank: number;
  user_id: number;
  display_name: string;
  score: number;
}

export interface Leaderboard {
  board: Board;
  topic: string | null;
  page: number;
  per_page: number;
  total: number;
  items: LeaderRow[];
  me: { rank: number; score: number; neighbours: LeaderRow[] } | null;
}

export interface Notification {
  id: number;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown> | null;
  created_at: string;
  read_at?: string | null;
}

export interface NotificationPage {
  items: Notification[];
  unread: number;
}
