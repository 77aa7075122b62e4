import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { Providers } from "@/components/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bulwark", template: "%s · Bulwark" },
  description: "Kubernetes security posture: scorecards, trends and findings across clusters.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <Providers>
          <div className="flex min-h-screen">
            <aside className="no-print w-56 shrink-0 bg-slate-900 px-3 py-5">
              <div className="mb-6 px-3 text-lg font-bold tracking-tight text-white">Bulwark</div>
              <AppNav />
            </aside>
            <main id="main" className="min-w-0 flex-1 px-8 py-6">
              {children}
            </main>
          </div>
        </Providers>
      </body>
    </html>
  );
}
