/** Rooms on the wire (README "Socket.IO overview", rooms/room.py `view`, rooms/feed.py). */

export type RoomKind = "contest" | "pair" | "interview";
export type RoomStatus = "waiting" | "countdown" | "in_progress" | "completed" | "cancelled";

export interface Participant {
  user_id: number;
  display_name?: string;
  joined_at: string | null;
  connected: boolean;
}

export interface RoomView {
  id: string;
  kind: RoomKind;
  name: string;
  creator_id: number;
  creator_name?: string;
  /** Absent until a contest starts; pair and interview rooms show them to their members (the
   * current problem of an interview is the last). */
  problems?: string[];
  problem_count: number;
  created_at: string;
  max_participants: number;
  duration_minutes: number;
  visibility: "public" | "private";
  /** Only for the creator of a private room. */
  invite_code?: string;
  format: string;
  rated: boolean;
  participants: Participant[];
  spectators: number[];
  status: RoomStatus;
  countdown_ends_at: string | null;
  started_at: string | null;
  ends_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface Cell {
  problem: string;
  attempts: number;
  accepted_at: number | string | null;
  best_score: number;
  first_solve: boolean;
  pending: number;
}

export interface StandingRow {
  rank: number;
  user_id: number;
  solved: number;
  score: number;
  penalty: number;
  problems: Cell[];
  display_name?: string;
}

export interface Board {
  room: string;
  frozen: boolean;
  final: boolean;
  standings: StandingRow[];
}

export interface ChatMessage {
  id?: number;
  user_id: number;
  display_name: string;
  text: string;
  at: string;
}

export interface JoinAck {
  room: RoomView;
  role: "participant" | "host" | "spectator" | null;
  chat: ChatMessage[];
  leaderboard?: Board;
}

/** `room:run`: who started a run the whole (pair or interview) room watches. */
export interface RunNote {
  room: string;
  submission_id: number;
  mode: "run" | "submit";
  user_id: number;
  display_name: string;
}

export interface ProgressNote {
  submission_id?: number | null;
  user_id: number;
  problem: string;
  tests_done: number;
  tests_total: number;
}

export interface SubmissionNote {
  submission_id?: number | null;
  user_id: number;
  problem: string;
  verdict?: string;
  score?: number;
}

export interface RatingChange {
  before: number;
  after: number;
  delta: number;
}

export interface RoomEnd {
  room: string;
  status: RoomStatus;
  reason: string | null;
  standings?: StandingRow[];
  rating_changes?: Record<string, RatingChange>;
}
