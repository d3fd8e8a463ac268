/** System-design practice: briefs, design sessions and their reviews (docs/system-design.md). */
import { api } from "./http";

export interface DesignSummary {
  slug: string;
  kind: "system_design";
  title: string;
  difficulty: "easy" | "medium" | "hard";
  summary: string;
  estimated_minutes: number;
  topics: string[];
  sessions: number;
  best_score: number | null;
  open_session: number | null;
}

export interface Design extends DesignSummary {
  statement: string;
  requirements: string[];
  constraints: string[];
  hints: string[];
}

export interface Review {
  score: number;
  strengths: string[];
  improvements: string[];
  missing_components: string[];
  reviewed_by: string;
  reviewed_at: string;
}

export interface Scene {
  elements: unknown[];
  appState: Record<string, unknown>;
  files: Record<string, unknown>;
}

export interface DesignSession {
  id: number;
  design: string;
  revision: number;
  status: "active" | "paused" | "submitted" | "abandoned";
  time_spent: number;
  scene: Scene;
  review: Review | null;
}

export const designApi = {
  list: () => api.get<{ items: DesignSummary[] }>("/api/system-design"),
  get: (slug: string) => api.get<{ design: Design }>(`/api/system-design/${encodeURIComponent(slug)}`),
  open: (slug: string) =>
    api.post<{ session: DesignSession; created: boolean }>(`/api/system-design/${encodeURIComponent(slug)}/sessions`),
  save: (id: number, scene: Scene, base: number, timeSpent: number) =>
    api.put<{ revision: number; saved: boolean; snapshot: boolean }>(`/api/design-sessions/${id}/scene`, {
      scene,
      base_revision: base,
      time_spent: timeSpent,
    }),
  submit: (id: number) =>
    api.post<{ session: DesignSession; review: Review | null; unreviewed: { code: string; message: string } | null }>(
      `/api/design-sessions/${id}/submit`,
    ),
};
