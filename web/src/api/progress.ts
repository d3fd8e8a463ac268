/**
 * Learner-progress calls (dashboard, activity, daily challenge, achievements, leaderboards,
 * notifications), one function per endpoint so pages never spell a URL.
 */
import { api } from "./http";
import type {
  Achievements,
  ActivityDay,
  Board,
  DailyChallenge,
  DailyHistoryItem,
  Dashboard,
  Leaderboard,
  NotificationPage,
  UserStats,
} from "./types";

export const progressApi = {
  dashboard: () => api.get<Dashboard>("/api/analytics/dashboard"),
  activity: (days = 365) => api.get<{ days: ActivityDay[] }>("/api/analytics/activity", { days }),
  daily: () => api.get<DailyChallenge>("/api/daily-challenge"),
  dailyHistory: (days = 30) => api.get<{ items: DailyHistoryItem[] }>("/api/daily-challenge/history", { days }),
  achievements: (userId: number) => api.get<Achievements>(`/api/users/${userId}/achievements`),
  /** The public profile's `stats` (inside `user`, or next to it: either is accepted). */
  stats: async (userId: number): Promise<UserStats | null> => {
    const r = await api.get<{ user: { stats?: UserStats }; stats?: UserStats }>(`/api/users/${userId}`);
    return r.user?.stats ?? r.stats ?? null;
  },
  leaderboard: (board: Board, page: number, perPage: number, topic?: string) =>
    api.get<Leaderboard>("/api/leaderboards", { board, topic: board === "topic" ? topic : undefined, page, per_page: perPage }),
  notifications: (opts: { unreadOnly?: boolean; limit?: number; before?: number } = {}) =>
    api.get<NotificationPage>("/api/notifications", {
      unread_only: opts.unreadOnly ? "true" : undefined,
      limit: opts.limit ?? 50,
      before: opts.before,
    }),
  markRead: (ids: number[]) => api.post<{ unread: number }>("/api/notifications/read", { ids }),
  markAllRead: () => api.post<{ unread: number }>("/api/notifications/read", { all: true }),
};
