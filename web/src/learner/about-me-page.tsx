// Placeholder: being written.
export function AboutMePage() {
  return <h1>AboutMePage</h1>;
}
