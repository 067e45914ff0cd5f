/**
 * The benchmark's operation (its shape: users and top products, each down through reviews, products and authors,
 * with the same three fragments), the supergraph composed over the bench subgraphs, and the answer every gateway must
 * give, derived from the data rather than from any gateway's output.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, SUBGRAPHS } from './subgraphs.js';

export const QUERY = `
fragment User on User { id username name }
fragment Review on Review { id body }
fragment Product on Product { inStock name price shippingEstimate upc weight }
query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
      }
    }
  }
  topProducts {
    ...Product
    reviews { ...Review author { ...User reviews { ...Review product { ...Product } } } }
  }
}`;

export function composeSupergraph(subgraphsUrl: string): string {
  const result = composeServices(
    SUBGRAPH_NAMES.map((name) => ({
      name,
      url: `${subgraphsUrl}/${name}`,
      typeDefs: parse(SUBGRAPHS[name].typeDefs),
    })),
  );
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

export interface ExpectedData {
  users: unknown[];
  topProducts: unknown[];
}

/** The answer, from the data the subgraphs serve (see subgraphs.ts for who owns which field). */
export function expectedData(data: {
  users: { id: string; name: string; username: string }[];
  products: { upc: string; name: string; price: number; weight: number }[];
  inStock: boolean[];
  reviews: { id: string; body: string; product: { upc: string } }[];
}): ExpectedData {
  const product = (upc: string) => {
    const p = data.products.find((one) => one.upc === upc)!;
    const shippingEstimate = p.price > 1000 ? 0 : Math.floor(p.weight / 2);
    return {
      inStock: data.inStock[Number(upc) - 1],
      name: p.name,
      price: p.price,
      shippingEstimate,
      upc,
      weight: p.weight,
    };
  };
  const review = (r: { id: string; body: string }) => ({ id: r.id, body: r.body });
  const userReviews = () => data.reviews.slice(0, 2);
  // Every review's author is user 1 (the reviews subgraph provides the username).
  const author = () => {
    const u = data.users[0]!;
    return {
      id: u.id,
      username: u.username,
      name: u.name,
      reviews: userReviews().map((r) => ({ ...review(r), product: product(r.product.upc) })),
    };
  };
  const reviewsOf = (upc: string) =>
    data.reviews.filter((r) => r.product.upc === upc).map((r) => ({ ...review(r), author: author() }));
  return {
    users: data.users.map((u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      reviews: userReviews().map((r) => ({
        ...review(r),
        product: { ...product(r.product.upc), reviews: reviewsOf(r.product.upc) },
      })),
    })),
    topProducts: data.products.slice(0, 5).map((p) => ({ ...product(p.upc), reviews: reviewsOf(p.upc) })),
  };
}
