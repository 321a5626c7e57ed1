// The readable text of a piece of rendered course HTML, for accessible names: KaTeX math becomes its
// TeX source (the MathML alone gives many screen-reader engines an empty name).
export function plainTextOf(html: string): string {
  const document = new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html');
  for (const math of Array.from(document.querySelectorAll('.katex'))) {
    const tex = math.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? math.textContent ?? '';
    math.replaceWith(document.createTextNode(tex));
  }
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
