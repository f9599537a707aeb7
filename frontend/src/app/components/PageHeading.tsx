export { PageHeading } from "@/components/ui";
