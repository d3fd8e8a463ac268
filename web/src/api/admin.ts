/** The admin endpoints (`/api/admin/*`, README "Administration"): one function per endpoint. */
import { api } from "./http";

export type Role = "user" | "author" | "admin";

export interface AdminUser {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  email_verified: boolean;
  created_at: string;
  last_seen_at: string | null;
  suspended: boolean;
  suspended_at: string | null;
  suspended_reason: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}

export interface SiteStats {
  users: number;
  users_new_7d: number;
  users_active_24h: number;
  users_suspended: number;
  users_by_role: Record<string, number>;
  submissions: number;
  submissions_24h: number;
  verdicts_24h: Record<string, number>;
  problems_by_visibility: Record<string, number>;
  rooms_by_status: Record<string, number>;
  coach_sessions_active: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor_id: number | null;
  action: string;
  target_type: string;
  target_id: string;
  details: Record<string, unknown>;
}

export const adminApi = {
  users: (q: string, page: number) => api.get<Page<AdminUser>>("/api/admin/users", { q: q || undefined, page, per_page: 20 }),
  setRole: (id: number, role: Role) => api.put<{ user: AdminUser }>(`/api/admin/users/${id}/role`, { role }),
  suspend: (id: number, reason: string) => api.post<{ user: AdminUser }>(`/api/admin/users/${id}/suspend`, { reason }),
  unsuspend: (id: number) => api.post<{ user: AdminUser }>(`/api/admin/users/${id}/unsuspend`),
  stats: () => api.get<SiteStats>("/api/admin/stats"),
  audit: (page: number) => api.get<Page<AuditEntry>>("/api/admin/audit", { page, per_page: 20 }),
};
