import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeBackend } from "../../test/backend";
import { product } from "../../test/backend-products";
import { renderScreen } from "../../test/render";
import { ProductsPage } from "./ProductsPage";

const field = (id: string) => screen.getByTestId(id).closest(".ant-form-item") as HTMLElement;

describe("the product catalogue", () => {
  it("adds a product with money sent in fen, shows its margin as typed and lists it", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<ProductsPage />);
    expect(await screen.findByText("No products yet")).toBeInTheDocument();
    await user.click(screen.getByTestId("product-add"));
    await user.type(await screen.findByTestId("product-name"), "Tieguanyin 250 g");
    await user.type(screen.getByTestId("product-unit"), "tin");
    await user.click(screen.getByTestId("product-role-traffic"));
    expect(screen.getByText(/Priced to draw people in/)).toBeInTheDocument();
    await user.type(screen.getByTestId("product-price"), "39.9");
    await user.type(screen.getByTestId("product-cost"), "18");
    expect(await screen.findByTestId("product-margin")).toHaveTextContent("Margin ¥21.90 a unit (55 %)");
    await user.type(screen.getByTestId("product-stock"), "40");
    await user.click(screen.getByTestId("product-save"));

    await waitFor(() => expect(backend.called("create_product")).toHaveLength(1));
    expect(backend.called("create_product")[0].args).toEqual({
      input: { name: "Tieguanyin 250 g", unit: "tin", role: "traffic", price_cents: 3990, cost_cents: 1800, stock: 40 },
      photo: null,
    });
    const id = backend.state.catalogue.products[0].id;
    const row = await screen.findByTestId(`product-row-${id}`);
    expect(row).toHaveTextContent("Traffic product");
    expect(within(row).getByTestId("product-row-price")).toHaveTextContent("¥39.90");
    expect(within(row).getByTestId("product-row-reference")).toHaveTextContent("¥39.90");
    expect(within(row).getByTestId("product-row-margin")).toHaveTextContent("¥21.90 · 55 %");
  });

  it("refuses a price of 0, a negative cost and a stock that is not whole at the field, sending nothing", async () => {
    const backend = fakeBackend();
    const { user } = renderScreen(<ProductsPage />);
    await user.click(await screen.findByTestId("product-add"));
    await user.type(await screen.findByTestId("product-name"), "Osmanthus cake");
    await user.type(screen.getByTestId("product-price"), "0");
    await user.type(screen.getByTestId("product-cost"), "-2");
    await user.type(screen.getByTestId("product-stock"), "2.5");
    await user.click(screen.getByTestId("product-save"));
    expect(await within(field("product-price")).findByText("Enter a number from 0.01 to 1000000.00")).toBeInTheDocument();
    expect(within(field("product-cost")).getByText("Enter a number from 0.00 to 1000000.00")).toBeInTheDocument();
    expect(within(field("product-stock")).getByText("Enter a whole number")).toBeInTheDocument();
    expect(screen.getByTestId("product-price")).toHaveValue("0");
    expect(backend.called("create_product")).toHaveLength(0);
  });

  it("keeps every price: a cut then a rise leaves the week's low as the 'was' price", async () => {
    const backend = fakeBackend({ catalogue: { products: [product({ id: 7 })], prices: { 7: [{ price_cents: 3900, from_at: "2025-01-01T00:00:00Z" }] } } });
    const { user } = renderScreen(<ProductsPage />);
    const reprice = async (text: string, shown: string) => {
      await user.click(await screen.findByTestId("product-edit-7"));
      const box = await screen.findByTestId("product-price");
      await user.clear(box);
      await user.type(box, text);
      await user.click(screen.getByTestId("product-save"));
      await waitFor(() => expect(within(screen.getByTestId("product-row-7")).getByTestId("product-row-price")).toHaveTextContent(shown));
    };
    await reprice("29", "¥29.00");
    await reprice("49", "¥49.00");
    expect(backend.called("update_product").map((c) => (c.args.input as { price_cents: number }).price_cents)).toEqual([2900, 4900]);
    const row = await screen.findByTestId("product-row-7");
    await waitFor(() => expect(within(row).getByTestId("product-row-price")).toHaveTextContent("¥49.00"));
    expect(within(row).getByTestId("product-row-reference")).toHaveTextContent("¥29.00");
    expect(row).toHaveTextContent("Lower this week");

    await user.click(screen.getByTestId("product-history-7"));
    expect(await screen.findAllByTestId("product-price-row")).toHaveLength(3);
    expect(screen.getByTestId("product-reference")).toHaveTextContent("7-day low: ¥29.00");
  });
});
