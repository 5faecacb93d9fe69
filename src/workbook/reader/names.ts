/**
 * Names as vote sheets write them: a post after the name — "Ngô Quang Huy (Phó phòng)",
 * "Đỗ Văn Long - CVC", "Lê Thị Hà, Chuyên viên" — is not part of the name. The name alone is
 * matched to the roster; the post is kept for display.
 */

const SUFFIX = /^(.*?\S)\s*(?:\((.+)\)|\s[-–]\s+(.+)|,\s*(.+))\s*$/u;

export function splitNameSuffix(text: string): { name: string; suffix?: string } {
  // Most names have no post after them: no bracket, dash or comma.
  if (!/[(,–-]/.test(text)) return { name: text };
  const m = SUFFIX.exec(text);
  if (!m) return { name: text };
  const name = m[1].trim();
  const suffix = (m[2] ?? m[3] ?? m[4] ?? '').trim();
  // A name is two words at least; "(Phó phòng)" alone is no name with a post.
  if (!suffix || name.split(' ').length < 2) return { name: text };
  return { name, suffix };
}
