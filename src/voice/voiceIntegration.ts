/**
 * The Astro integration for voice clips: before a build (or the dev server) it checks and converts
 * every file in content/voice/ (src/voice/convertClip.ts) and stops the build with one message per
 * bad clip; pages read the result from the virtual module below, and the converted files are copied
 * to <site>/voice/ after the build. The dev server serves them from the cache.
 * A clip whose page text changed since it was made (./clipRegistry.ts) is left out of the pages'
 * list: the page shows no player (the home page offers "call me" instead) rather than a voice that
 * says something else than the page. The build goes on, so a staff member's text edit is never
 * held back by a recording nobody has made yet; the warning, `npm run voices -- --check` and
 * /translation-status/ name the clip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { prepareClips, type VoiceManifest } from './convertClip.ts';
import { clipProblem, clipUses, playableClips } from './clipRegistry.ts';

const virtualId = 'virtual:aaben-doer/voice-clips';

export function voiceIntegration(): AstroIntegration {
  let manifest: VoiceManifest = {};
  let cacheDir = '';
  return {
    name: 'aaben-doer-voice',
    hooks: {
      'astro:config:setup': async ({ command, config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        cacheDir = path.join(root, 'node_modules', '.cache', 'aaben-doer-voice');
        if (command === 'build' || command === 'dev') {
          const began = Date.now();
          const result = await prepareClips({ dir: path.join(root, 'content', 'voice'), cacheDir, displayRoot: root });
          if (result.problems.length) {
            throw new Error(`Voice clips: ${result.problems.length} problem(s):\n${result.problems.map((p) => `  - ${p}`).join('\n')}`);
          }
          const uses = clipUses(root);
          manifest = playableClips(result.manifest, uses);
          for (const use of uses.filter((u) => u.state !== 'current')) {
            logger.warn(`${clipProblem(use)}: its page shows no player until it is made or recorded again`);
          }
          logger.info(`${result.files} clip(s) checked, ${result.converted} converted (${Date.now() - began} ms)`);
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'aaben-doer-voice-clips',
                resolveId: (id: string) => (id === virtualId ? `\0${virtualId}` : undefined),
                load: (id: string) => (id === `\0${virtualId}` ? `export default ${JSON.stringify(manifest)};` : undefined),
                configureServer(server) {
                  server.middlewares.use(serveFromCache);
                },
              } satisfies Plugin,
            ],
          },
        });
      },
      'astro:build:done': ({ dir }) => {
        const out = path.join(fileURLToPath(dir), 'voice');
        fs.mkdirSync(out, { recursive: true });
        for (const clip of Object.values(manifest)) {
          for (const source of clip.sources)
            fs.copyFileSync(path.join(cacheDir, path.basename(source.src)), path.join(out, path.basename(source.src)));
        }
      },
    },
  };

  /** Dev server only: /voice/<key>.<ext> from the cache. */
  function serveFromCache(req: IncomingMessage, res: ServerResponse, next: () => void) {
    const match = /^\/voice\/([0-9a-f]{20}\.(webm|m4a))$/.exec(req.url ?? '');
    const file = match && path.join(cacheDir, match[1]!);
    if (!file || !fs.existsSync(file)) return next();
    res.setHeader('Content-Type', match[2] === 'webm' ? 'audio/webm' : 'audio/mp4');
    res.end(fs.readFileSync(file));
  }
}
