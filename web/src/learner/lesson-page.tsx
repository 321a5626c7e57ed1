// Placeholder: being written.
export function LessonPage() {
  return <h1>LessonPage</h1>;
}
