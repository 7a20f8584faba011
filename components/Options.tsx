export function Options() {
  return (
    <main>
      <h1>Cleartune settings</h1>
    </main>
  );
}
