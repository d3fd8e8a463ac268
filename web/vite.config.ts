import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// `npm run dev` proxies the API and Socket.IO to a local `codearena serve` on port 8000.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Libraries change less often than our code: separate files keep them cached across releases.
    rollupOptions: {
      output: {
        manualChunks: {
          react: ["react", "react-dom", "react-router-dom"],
          editor: ["codemirror", "@codemirror/state", "@codemirror/view", "@codemirror/language"],
          collab: ["yjs", "y-protocols/sync", "y-protocols/awareness", "y-codemirror.next"],
        },
      },
    },
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      "/api": "http://127.0.0.1:8000",
      "/socket.io": { target: "http://127.0.0.1:8000", ws: true },
    },
  },
});
