/**
 * A Node module-resolution hook: lets plain `node` import the project's TypeScript config files,
 * whose relative imports omit the extension (as Astro and Vite allow). Node 22 strips the types.
 */
/** @type {import('node:module').ResolveHook} */
export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../');
    if (!relative || /\.[cm]?[jt]s$/.test(specifier)) throw error;
    return nextResolve(`${specifier}.ts`, context);
  }
}
