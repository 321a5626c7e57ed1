// Placeholder: being written.
export function CourseMapPage() {
  return <h1>CourseMapPage</h1>;
}
