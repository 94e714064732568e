import { qrCodePath } from "@/lib/two-factor/qr-code";

// Drawn here from the otpauth:// address; no image service ever sees the secret.
export function TwoFactorQrCode({ uri }: { uri: string }) {
  const { viewBox, path } = qrCodePath(uri);
  return (
    <svg
      viewBox={viewBox}
      role="img"
      aria-label="QR code to scan with your authenticator app"
      className="h-48 w-48 rounded-lg border border-stone-200 bg-white"
      shapeRendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
