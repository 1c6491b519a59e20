// The web app's Vite build. JSX through Vite's own esbuild (no React plugin: fast refresh is not worth a
// dependency here); workspace packages from their sources, as the repo's other Vite builds take them.
import { defaultClientConditions, defineConfig } from "vite"

export default defineConfig({
  esbuild: { jsx: "automatic" },
  resolve: { conditions: ["@blocks-crm/source", ...defaultClientConditions] },
  build: {
    target: "es2022",
    reportCompressedSize: false,
    // One chunk by design; its size is `pnpm size`'s web-app@vite budget, not Vite's generic warning.
    chunkSizeWarningLimit: 1024,
    rollupOptions: {
      onwarn: (warning, warn) => {
        // TanStack Query's "use client" markers are for server-component bundlers; Rollup drops them.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning)
      }
    }
  }
})
