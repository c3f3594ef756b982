export function SubmitButton({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="w-full rounded bg-navy px-4 py-2 font-semibold text-white hover:bg-navy-deep disabled:opacity-60"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}
