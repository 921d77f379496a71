/**
 * An Astro content loader for a folder of YAML files, one entry per file, checked by
 * readYamlDir() so a bad file stops the build with "file: field: what is wrong".
 */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { readYamlDir } from './readYamlDir.ts';

export function yamlDirLoader({ base, schema }: { base: string; schema: z.ZodType }): Loader {
  return {
    name: 'yaml-dir-loader',
    load: async ({ config, store, parseData, generateDigest, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const dir = fileURLToPath(new URL(base.replace(/\/?$/, '/'), config.root));

      async function sync() {
        const entries = readYamlDir(dir, schema, root);
        store.clear();
        for (const entry of entries) {
          const data = await parseData({ id: entry.id, data: entry.data as Record<string, unknown>, filePath: entry.filePath });
          store.set({ id: entry.id, data, filePath: entry.filePath.slice(root.length), digest: generateDigest(entry.text) });
        }
      }

      await sync();
      // Dev server: re-read the folder when a file in it changes; report, don't crash.
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (changed.startsWith(dir)) sync().catch((e: Error) => logger.error(e.message));
      });
    },
  };
}
