// Voucher codes as typed: made comparable the way the backend reads them
// (upper case; I and L read as 1, O as 0; spaces and hyphens dropped).
export function normaliseCode(text: string): string {
  return text
    .replace(/[\s-]/g, "")
    .toUpperCase()
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/** The typed code's characters in groups of four, each with its 1-based position. */
export function groupedChars(text: string): { ch: string; position: number }[][] {
  const chars = [...normaliseCode(text)];
  const groups: { ch: string; position: number }[][] = [];
  chars.forEach((ch, i) => {
    if (i % 4 === 0) groups.push([]);
    groups[groups.length - 1].push({ ch, position: i + 1 });
  });
  return groups;
}
