import { runDemo } from './run-demo';

// `pnpm demo`: runs the whole quickstart against the in-process RouterOS emulator (or the router in
// ROUTEROS_URL / ROUTEROS_USER / ROUTEROS_PASSWORD) and exits 0 when everything ended as expected.
try {
  const { summary } = await runDemo();
  process.exitCode = summary.router.pendingChanges === 0 ? 0 : 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
