/** The parent whose children complete what was typed: "000.1.1" is looked for under "000.1", "000" at the top. */
export function parentOf(typed: string): string | null {
  const dot = typed.trim().lastIndexOf('.');
  return dot > 0 ? typed.trim().slice(0, dot) : null;
}
