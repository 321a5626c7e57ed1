// Placeholder: being written.
export function InvitePage() {
  return <h1>InvitePage</h1>;
}
