import { cpSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

// Excalidraw fetches its fonts from a CDN unless they are served beside the app
// (window.EXCALIDRAW_ASSET_PATH, set in index.html): copy them from the package at build time.
function excalidrawFonts(): Plugin {
  return {
    name: "excalidraw-fonts",
    apply: "build",
    closeBundle() {
      const from = fileURLToPath(new URL("./node_modules/@excalidraw/excalidraw/dist/prod/fonts", import.meta.url));
      cpSync(from, fileURLToPath(new URL("./dist/fonts", import.meta.url)), { recursive: true });
    },
  };
}

// `npm run dev` proxies the API and Socket.IO to a local `codearena serve` on port 8000.
export default defineConfig({
  plugins: [react(), excalidrawFonts()],
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
