'use client';

export function PrintButton() {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep"
    >
      Print this receipt
    </button>
  );
}
