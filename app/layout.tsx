// Root layout: navigation for every area, light and dark themes.
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { InstanceFooter } from "@/components/instance-footer";
import { Nav } from "@/components/nav";
import { servedBy } from "@/lib/services/leader";
import { requestPrincipal } from "@/lib/services/request";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "replscope", template: "%s · replscope" },
  description: "MySQL/MariaDB replication topology dashboard",
};

const THEME_SCRIPT = `try{var t=localStorage.getItem("theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

/** Wraps every page with the navigation bar and the instance footer; the theme script carries the request's CSP nonce (set by proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const me = await requestPrincipal();
  // Signed-in users only: who served the page and who leads (anonymous pages reveal no instance names).
  const served = me ? await servedBy() : null;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">
        <Nav me={me} />
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        {served && <InstanceFooter instance={served.instance} leaderInstance={served.leaderInstance} />}
      </body>
    </html>
  );
}
