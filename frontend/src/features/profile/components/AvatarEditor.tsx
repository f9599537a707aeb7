import { type ChangeEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "@/api/types";
import { Avatar, Button, useToast } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { useDeleteAvatar, useUploadAvatar } from "../api/queries";
import styles from "./AvatarEditor.module.css";

export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;
const TYPES = ["image/jpeg", "image/png"];
const PREVIEW_SIZE = 192;

/** Checks a picked file before upload; returns the translation key of the problem, or null. */
export function avatarFileProblem(
  file: File,
): "profile.avatar.wrongType" | "profile.avatar.tooLarge" | null {
  if (!TYPES.includes(file.type)) return "profile.avatar.wrongType";
  if (file.size > MAX_AVATAR_BYTES) return "profile.avatar.tooLarge";
  return null;
}

/**
 * Draws the picked file on a canvas: blob:/data: image URLs would need a CSP exception, a bitmap
 * drawn by script does not.
 */
async function drawPreview(file: File, canvas: HTMLCanvasElement): Promise<boolean> {
  if (typeof createImageBitmap !== "function") return false;
  const context = canvas.getContext("2d");
  if (!context) return false;
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  context.clearRect(0, 0, PREVIEW_SIZE, PREVIEW_SIZE);
  context.drawImage(
    bitmap,
    (bitmap.width - side) / 2,
    (bitmap.height - side) / 2,
    side,
    side,
    0,
    0,
    PREVIEW_SIZE,
    PREVIEW_SIZE,
  );
  bitmap.close();
  return true;
}

export function AvatarEditor({ user }: { user: User }) {
  const { t } = useTranslation();
  const toast = useToast();
  const upload = useUploadAvatar();
  const remove = useDeleteAvatar();
  const inputId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const name = `${user.firstName} ${user.lastName}`.trim();

  const reset = useCallback(() => {
    setFile(null);
    if (inputRef.current) inputRef.current.value = "";
  }, []);

  useEffect(() => {
    if (file && canvasRef.current) {
      // A file the browser cannot decode is not a picture, whatever its name says.
      drawPreview(file, canvasRef.current).catch(() => {
        setProblem(t("profile.avatar.wrongType"));
        reset();
      });
    }
  }, [file, t, reset]);

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files?.[0] ?? null;
    setProblem(null);
    if (!picked) return reset();
    const issue = avatarFileProblem(picked);
    if (issue) {
      setProblem(t(issue));
      return reset();
    }
    setFile(picked);
  };

  const onUpload = () => {
    if (!file) return;
    upload.mutate(file, {
      onSuccess: () => {
        reset();
        toast.show(t("profile.avatar.uploaded"), "success");
      },
      onError: (error) => setProblem(errorMessage(error, t)),
    });
  };

  const onRemove = () => {
    remove.mutate(undefined, {
      onSuccess: () => toast.show(t("profile.avatar.removed"), "success"),
      onError: (error) => toast.show(errorMessage(error, t), "error"),
    });
  };

  return (
    <div className={styles["avatar-editor"]}>
      <div>
        {file ? (
          <canvas
            ref={canvasRef}
            className="avatar avatar--lg"
            width={PREVIEW_SIZE}
            height={PREVIEW_SIZE}
            role="img"
            aria-label={t("profile.avatar.previewAlt")}
          />
        ) : (
          <Avatar
            src={user.avatarUrl}
            firstName={user.firstName}
            lastName={user.lastName}
            alt={t("profile.avatar.alt", { name })}
            size="lg"
          />
        )}
      </div>
      <div className={styles["avatar-editor__controls"]}>
        <input
          ref={inputRef}
          id={inputId}
          className={`${styles["file-input"]} visually-hidden`}
          type="file"
          accept="image/jpeg,image/png"
          onChange={onPick}
          aria-describedby={problem ? errorId : undefined}
          aria-invalid={problem ? true : undefined}
        />
        <div className="button-row">
          {file ? (
            <>
              <Button onClick={onUpload} loading={upload.isPending}>
                {upload.isPending ? t("profile.avatar.uploading") : t("profile.avatar.upload")}
              </Button>
              <Button variant="ghost" onClick={reset} disabled={upload.isPending}>
                {t("profile.avatar.cancel")}
              </Button>
            </>
          ) : (
            <>
              <label
                htmlFor={inputId}
                className={`btn btn--secondary ${styles["file-input__label"]}`}
              >
                {t("profile.avatar.choose")}
              </label>
              {user.avatarUrl ? (
                <Button variant="ghost" onClick={onRemove} loading={remove.isPending}>
                  {remove.isPending ? t("profile.avatar.removing") : t("profile.avatar.remove")}
                </Button>
              ) : null}
            </>
          )}
        </div>
        <p className="field__hint">{t("profile.avatar.hint")}</p>
        {problem ? (
          <p className="field__error" id={errorId} role="alert">
            {problem}
          </p>
        ) : null}
      </div>
    </div>
  );
}
