/**
 * Where the build goes and what the server serves without releases: env DIST_DIR, else dist/ in
 * the project. One setting for astro build (outDir), the postbuild, the flyers and the server, so
 * `npm run publish` can build straight into a new release folder (it sets DIST_DIR for its build).
 */
import path from 'node:path';

/** The build's output folder (client/ + server/): `env.DIST_DIR` (relative to the working directory), else `<root>/dist`. */
export function distDir(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.DIST_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.join(root, 'dist');
}
