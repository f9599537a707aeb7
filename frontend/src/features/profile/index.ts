export { profileKeys } from "./api/keys";
export { useUpdateProfile } from "./api/queries";
export { AvatarEditor } from "./components/AvatarEditor";
export { ProfileDetailsForm } from "./components/ProfileDetailsForm";
export { SessionsList } from "./components/SessionsList";
