// Root layout: navigation for every area, light and dark themes.
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Nav } from "@/components/nav";
import { requestPrincipal } from "@/lib/services/request";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "replscope", template: "%s · replscope" },
  description: "MySQL/MariaDB replication topology dashboard",
};

const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

/** Wraps every page with the navigation bar; the theme script carries the request's CSP nonce (set by proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <Nav me={await requestPrincipal()} />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
