// Placeholder until the teacher app lands: mounted at /teach/*.
export default function TeacherApp() {
  return <h1>Teach</h1>;
}
