import { serve } from './serveCli';

// Entry of `npm run serve`.
serve(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
});
