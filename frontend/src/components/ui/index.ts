export { Alert, Badge } from "./Alert";
export { Avatar, initials } from "./Avatar";
export { Button, ButtonLink } from "./Button";
export { Card } from "./Card";
export { Select } from "./Select";
export { Skeleton, SkeletonBlock } from "./Skeleton";
export { Spinner } from "./Spinner";
export { TextField } from "./TextField";
export { ToastProvider, type ToastTone, useToast } from "./Toast";
