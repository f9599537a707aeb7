export function Spinner({ size = "md", label }: { size?: "sm" | "md"; label?: string }) {
  return (
    <span
      className={`spinner spinner--${size}`}
      role={label ? "status" : undefined}
      aria-hidden={label ? undefined : true}
    >
      {label ? <span className="visually-hidden">{label}</span> : null}
    </span>
  );
}
