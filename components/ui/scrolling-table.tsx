interface Props {
  children: React.ReactNode;
  /** Spacing of the box, such as a top margin. */
  className?: string;
  /** Classes the table adds to the house style, such as `table-fixed`. */
  tableClassName?: string;
}

/**
 * A table that may be wider than a phone: it scrolls sideways inside its own box, never the
 * page. The box is positioned so that the table's visually hidden labels, which are placed
 * absolutely, stay inside it too.
 */
export function ScrollingTable({ children, className = '', tableClassName = '' }: Props) {
  return (
    <div className={`relative overflow-x-auto ${className}`}>
      <table className={`w-full text-left text-sm ${tableClassName}`}>{children}</table>
    </div>
  );
}
