export function Logo({ className }: { className?: string }) {
  return (
    <span className={className}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="mr-1.5 inline-block h-6 w-6 align-[-5px] text-brand-600">
        <path
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          d="M4 20 20 4M4 12l8 8M4 4l16 16M12 4l8 8M20 20 4 4M12 20l8-8"
        />
      </svg>
      <span className="font-semibold tracking-tight text-brand-900">Trellis</span>
    </span>
  );
}
