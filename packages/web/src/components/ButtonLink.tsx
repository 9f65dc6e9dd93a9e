import { Button, type ButtonProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

const MantineButtonAnchor = forwardRef<HTMLAnchorElement, ButtonProps & AnchorHTMLAttributes<HTMLAnchorElement>>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
MantineButtonAnchor.displayName = 'MantineButtonAnchor';

/** A link that looks like a button (it goes to another page, so it is a link), with the router's typed params and search. */
export const ButtonLink = createLink(MantineButtonAnchor);
