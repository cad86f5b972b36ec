import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ProfileIdSchema } from '../../../shared/api/profiles';
import { writeFileAtomic } from '../profiles/atomicWrite';

const RecordSchema = z.object({ profileId: ProfileIdSchema }).strict();

/**
 * Which saved profile is the sandbox's, kept next to the profiles (`sandbox.json`): the profile
 * outlives the sandbox's processes (an app restart), and the user may rename it.
 */
export function sandboxRecord(dataDir: string) {
  const file = join(dataDir, 'sandbox.json');
  return {
    /** The recorded profile id; undefined when none (or the file is unreadable: nothing to lose). */
    async read(): Promise<string | undefined> {
      try {
        return RecordSchema.parse(JSON.parse(await readFile(file, 'utf8'))).profileId;
      } catch {
        return undefined;
      }
    },
    write: async (profileId: string): Promise<void> =>
      void (await writeFileAtomic(file, `${JSON.stringify({ profileId }, null, 2)}\n`)),
  };
}
