/** An Astro content loader for content/channels.yaml: one entry per channel, its code as the id. */
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { readChannels } from './readChannels.ts';

export function channelsLoader({ file }: { file: string }): Loader {
  return {
    name: 'channels-loader',
    load: async ({ config, store, parseData, generateDigest, watcher, logger }) => {
      const root = fileURLToPath(config.root);
      const path = fileURLToPath(new URL(file, config.root));

      async function sync() {
        const channels = readChannels(path, root);
        store.clear();
        for (const channel of channels) {
          const data = await parseData({ id: channel.code, data: channel });
          store.set({ id: channel.code, data, digest: generateDigest(JSON.stringify(channel)) });
        }
      }

      await sync();
      watcher?.add(path);
      watcher?.on('all', (_event, changed) => {
        if (changed === path) sync().catch((e: Error) => logger.error(e.message));
      });
    },
  };
}
