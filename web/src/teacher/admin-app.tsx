// Placeholder until the admin app lands: mounted at /admin.
export default function AdminApp() {
  return <h1>Admin</h1>;
}
