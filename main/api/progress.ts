// Progress events at a rate a UI can draw: at most one per interval within a phase, but always
// the first of a phase and the last step (current === total), so bars start and finish exactly.
export function throttled<P extends { phase: string; current: number; total: number }>(emit: (p: P) => void, intervalMs = 120): (p: P) => void {
  let last = 0;
  let phase = '';
  return (p) => {
    const now = Date.now();
    if (p.phase === phase && now - last < intervalMs && p.current !== p.total) return;
    last = now;
    phase = p.phase;
    emit(p);
  };
}
