/** What every page may need: the signed-in user, the live connection and the theme in effect. */
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import type { Socket } from "socket.io-client";
import { currentUser, onUserChange } from "./api/session";
import { openConnection, type ConnectionStatus } from "./api/socket";
import type { User } from "./api/types";

interface AppState {
  user: User | null;
  socket: Socket | null;
  status: ConnectionStatus;
  theme: "light" | "dark";
}

const AppContext = createContext<AppState>({ user: null, socket: null, status: "signed-out", theme: "light" });

export function AppProvider({ theme, children }: { theme: "light" | "dark"; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(currentUser);
  const [socket, setSocket] = useState<Socket | null>(null);
  const [status, setStatus] = useState<ConnectionStatus>("signed-out");
  const userId = user?.id ?? null;

  useEffect(() => onUserChange(setUser), []);

  useEffect(() => {
    if (userId === null) {
      setStatus("signed-out");
      return;
    }
    const conn = openConnection(setStatus);
    setSocket(conn.socket);
    return () => {
      conn.close();
      setSocket(null);
    };
  }, [userId]);

  return <AppContext.Provider value={{ user, socket, status, theme }}>{children}</AppContext.Provider>;
}

export const useApp = () => useContext(AppContext);
