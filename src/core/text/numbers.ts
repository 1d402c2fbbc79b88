/**
 * A count as answers write it: "5,000" (en-US digit groups, whatever the program's locale, as
 * answers always have). Written by hand, not with toLocaleString: a process's first use of Intl
 * costs 20–30 ms, and a count is often all an answer would ask of it.
 */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
