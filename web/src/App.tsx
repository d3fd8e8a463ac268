/** The shell: header with navigation, theme and sign-out; the connection banner; the routes. */
import { lazy, Suspense, type ReactNode } from "react";
import { Link, Navigate, NavLink, Route, Routes, useLocation, useNavigate } from "react-router-dom";
import { api } from "./api/http";
import { refreshToken, signedOut } from "./api/session";
import { AppProvider, useApp } from "./context";
import { AdminPage } from "./pages/Admin";
import { ContestRoom } from "./pages/ContestRoom";
import { DailyHistory } from "./pages/DailyHistory";
import { CompanyList, CompanyPage } from "./pages/Companies";
import { DesignList } from "./pages/DesignList";
import { ModuleList, ModulePage } from "./pages/Modules";
import { QuizList, QuizPage } from "./pages/Quizzes";
import { Dashboard } from "./pages/Dashboard";
import { Leaderboards } from "./pages/Leaderboards";
import { NotificationsPage } from "./pages/Notifications";
import { Lobby } from "./pages/Lobby";
import { PairRoom } from "./pages/PairRoom";
import { Playback } from "./pages/Playback";
import { MyProfile, PublicProfilePage } from "./pages/Profile";
import { ForgotPassword, ResetPassword, VerifyEmail } from "./pages/AccountMail";
import { SignIn, SignUp } from "./pages/AuthPages";
import { ProblemList } from "./pages/ProblemList";
import { ProblemPage } from "./pages/ProblemPage";
import { NotificationBell } from "./progress/NotificationBell";
import { NotificationsProvider } from "./progress/notifications";
import { useTheme, type ThemeChoice } from "./theme";

// Excalidraw is large: its page loads it on first visit, not with the rest of the client.
const DesignBoard = lazy(() => import("./pages/DesignBoard").then((m) => ({ default: m.DesignBoard })));

function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useApp();
  const location = useLocation();
  if (!user) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function ConnectionBanner() {
  const { user, status } = useApp();
  if (!user || status === "connected") return null;
  const text =
    status === "connecting"
      ? "Connecting to the server…"
      : status === "signed-out"
        ? "Your sign-in has expired. Please sign in again."
        : "Connection lost. Reconnecting… Your code is kept in this browser.";
  return (
    <div className={`connection ${status}`} role="status" data-testid="connection-banner">
      {text}
    </div>
  );
}

function Header({ choice, setChoice }: { choice: ThemeChoice; setChoice: (c: ThemeChoice) => void }) {
  const { user } = useApp();
  const navigate = useNavigate();
  const signOut = async () => {
    const token = refreshToken();
    if (token) await api.post("/api/auth/logout", { refresh_token: token }).catch(() => undefined);
    signedOut();
    navigate("/signin");
  };
  return (
    <header className="top">
      <Link to="/" className="brand">CodeArena</Link>
      <nav aria-label="Main">
        {user && <NavLink to="/dashboard">Dashboard</NavLink>}
        <NavLink to="/problems">Problems</NavLink>
        <NavLink to="/contests">Contests</NavLink>
        <NavLink to="/pair">Pair rooms</NavLink>
        <NavLink to="/interview">Interviews</NavLink>
        <NavLink to="/learn">Learn</NavLink>
        <NavLink to="/quizzes">Quizzes</NavLink>
        <NavLink to="/companies">Companies</NavLink>
        <NavLink to="/system-design">System design</NavLink>
        <NavLink to="/leaderboards">Leaderboards</NavLink>
        {user?.role === "admin" && <NavLink to="/admin">Admin</NavLink>}
      </nav>
      <div className="spacer" />
      <label className="theme-pick">
        <span className="visually-hidden">Theme</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value as ThemeChoice)} aria-label="Theme">
          <option value="system">Theme: auto</option>
          <option value="light">Theme: light</option>
          <option value="dark">Theme: dark</option>
        </select>
      </label>
      {user ? (
        <>
          <NotificationBell />
          <Link to="/profile" className="who" data-testid="user-name" title="Your profile">{user.display_name}</Link>
          <button type="button" className="secondary" onClick={signOut}>Sign out</button>
        </>
      ) : (
        <>
          <NavLink to="/signin">Sign in</NavLink>
          <NavLink to="/signup">Sign up</NavLink>
        </>
      )}
    </header>
  );
}

export function App() {
  const [choice, theme, setChoice] = useTheme();
  return (
    <AppProvider theme={theme}>
      <NotificationsProvider>
      <a href="#main" className="skip-link">Skip to content</a>
      <Header choice={choice} setChoice={setChoice} />
      <ConnectionBanner />
      <main id="main">
        <Routes>
          <Route path="/" element={<Navigate to="/problems" replace />} />
          <Route path="/signin" element={<SignIn />} />
          <Route path="/signup" element={<SignUp />} />
          <Route path="/verify-email" element={<VerifyEmail />} />
          <Route path="/forgot-password" element={<ForgotPassword />} />
          <Route path="/reset-password" element={<ResetPassword />} />
          <Route path="/problems" element={<ProblemList />} />
          <Route path="/problems/:slug" element={<ProblemPage />} />
          <Route path="/contests" element={<Lobby kind="contest" />} />
          <Route path="/contests/:id" element={<RequireUser><ContestRoom /></RequireUser>} />
          <Route path="/pair" element={<Lobby kind="pair" />} />
          <Route path="/pair/:id" element={<RequireUser><PairRoom key="pair" /></RequireUser>} />
          <Route path="/pair/:id/playback" element={<RequireUser><Playback path="/pair" /></RequireUser>} />
          <Route path="/interview" element={<Lobby kind="interview" />} />
          <Route path="/interview/:id" element={<RequireUser><PairRoom key="interview" kind="interview" /></RequireUser>} />
          <Route path="/interview/:id/playback" element={<RequireUser><Playback path="/interview" /></RequireUser>} />
          <Route path="/learn" element={<ModuleList />} />
          <Route path="/learn/:slug" element={<ModulePage />} />
          <Route path="/quizzes" element={<QuizList />} />
          <Route path="/quizzes/:slug" element={<QuizPage />} />
          <Route path="/companies" element={<CompanyList />} />
          <Route path="/companies/:slug" element={<CompanyPage />} />
          <Route path="/system-design" element={<DesignList />} />
          <Route
            path="/system-design/:slug"
            element={
              <RequireUser>
                <Suspense fallback={<p role="status" className="page muted">Loading the drawing board…</p>}>
                  <DesignBoard />
                </Suspense>
              </RequireUser>
            }
          />
          <Route path="/dashboard" element={<RequireUser><Dashboard /></RequireUser>} />
          <Route path="/leaderboards" element={<Leaderboards />} />
          <Route path="/daily" element={<DailyHistory />} />
          <Route path="/notifications" element={<RequireUser><NotificationsPage /></RequireUser>} />
          <Route path="/profile" element={<RequireUser><MyProfile /></RequireUser>} />
          <Route path="/users/:id" element={<PublicProfilePage />} />
          <Route path="/admin" element={<RequireUser><AdminPage /></RequireUser>} />
          <Route path="*" element={<div className="page"><h1>Page not found</h1><Link to="/problems">Go to the problems</Link></div>} />
        </Routes>
      </main>
      </NotificationsProvider>
    </AppProvider>
  );
}
