export function initials(firstName: string, lastName: string): string {
  return `${firstName.trim().charAt(0)}${lastName.trim().charAt(0)}`.toUpperCase() || "?";
}

export function Avatar({
  src,
  firstName,
  lastName,
  alt,
  size = "md",
}: {
  src: string | null;
  firstName: string;
  lastName: string;
  alt: string;
  size?: "sm" | "md" | "lg";
}) {
  if (src) {
    return <img className={`avatar avatar--${size}`} src={src} alt={alt} />;
  }
  return (
    <span className={`avatar avatar--${size} avatar--initials`} role="img" aria-label={alt}>
      <span aria-hidden="true">{initials(firstName, lastName)}</span>
    </span>
  );
}
