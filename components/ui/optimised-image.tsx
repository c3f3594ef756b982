import { getImageProps, type ImageProps } from 'next/image';

/**
 * An image that next/image sizes for each screen and converts to AVIF or WebP, rendered on the
 * server as a plain `<img>`: next/image's own component is a client one, and public pages would
 * ship its code only for placeholders and load events they do not use.
 */
export function OptimisedImage(props: ImageProps) {
  const { props: image } = getImageProps(props);
  // The element next/image would render, with its srcset; the rule is about next/image itself.
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...image} />;
}
