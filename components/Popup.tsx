export function Popup() {
  return (
    <main>
      <h1>Cleartune</h1>
    </main>
  );
}
